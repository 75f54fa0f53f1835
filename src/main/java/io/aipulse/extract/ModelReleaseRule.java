package io.aipulse.extract;

import java.util.List;

/**
 * MODEL_RELEASE: a model is released, opened or open-sourced: a release verb ({@link ReleaseVerbs}) whose object
 * is a model ({@link Releases}). The releasing organisation is the subject, the model the product.
 */
final class ModelReleaseRule implements Rule {

    @Override
    public EventType type() {
        return EventType.MODEL_RELEASE;
    }

    @Override
    public List<String> triggers() {
        return ReleaseVerbs.VERBS;
    }

    @Override
    public List<SectorClue> sectorClues() {
        return List.of(SectorClue.MODEL, SectorClue.ABOUT, SectorClue.SENTENCE);
    }

    @Override
    public String fallbackSector() {
        return "foundation-models";
    }

    @Override
    public void apply(SentenceContext s) {
        Releases.addCandidates(s, EventType.MODEL_RELEASE);
    }
}
