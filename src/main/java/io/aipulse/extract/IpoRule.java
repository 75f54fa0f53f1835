package io.aipulse.extract;

import java.util.List;

/** IPO: a listing step (filed, approved, rejected, listed, withdrawn) read by {@link IpoStageParser}. */
final class IpoRule implements Rule {

    static final List<String> TRIGGERS = IpoStageParser.WORDS;
    /** an approval or a rejection is a listing step only in a sentence about a listing */
    private static final Words LISTING = Words.of("上市", "IPO", "招股", "科创板", "证监会");
    private static final Words LISTING_REVIEW = Words.of("上市", "IPO", "招股", "科创板", "审核");

    @Override
    public EventType type() {
        return EventType.IPO;
    }

    @Override
    public List<String> triggers() {
        return TRIGGERS;
    }

    @Override
    public Distinction distinction() {
        return Distinction.STAGE;
    }

    @Override
    public List<SectorClue> sectorClues() {
        return List.of(SectorClue.REGISTRY, SectorClue.SENTENCE, SectorClue.ITEM);
    }

    @Override
    public void apply(SentenceContext s) {
        String text = s.text();
        int pos = s.from();
        while (pos < s.end()) {
            IpoStageParser.Found f = IpoStageParser.find(text, pos, s.end());
            if (f == null) {
                break;
            }
            pos = f.end();
            if (f.stage() == IpoStage.APPROVED && !LISTING.in(text, s.start(), s.end())
                    || f.stage() == IpoStage.REJECTED && !LISTING_REVIEW.in(text, s.start(), s.end())) {
                continue;
            }
            int cs = s.clauseStart(f.start());
            if (s.future(cs, f.start())) {
                continue;
            }
            Candidate c = s.add(EventType.IPO, s.subjectBefore(f.start(), cs, ActorFilter.ANY), f.start(), f.end());
            if (c != null) {
                c.stage = f.stage();
            }
        }
    }
}
