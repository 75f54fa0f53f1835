package io.aipulse.extract;

import java.util.List;

/**
 * MODEL_RELEASE: a model is released, opened or open-sourced: a release verb ({@link ReleaseVerbs}) whose object
 * is a model ({@link Releases}). The releasing organisation is the subject, the model the product.
 */
final class ModelReleaseRule extends Rule {

    ModelReleaseRule() {
        super(EventType.MODEL_RELEASE, ReleaseVerbs.VERBS,
                Policies.sectorFrom(SectorClue.MODEL, SectorClue.ABOUT, SectorClue.SENTENCE)
                        .otherwiseSector("foundation-models"));
    }

    @Override
    void apply(SentenceContext s) {
        Releases.addCandidates(s, EventType.MODEL_RELEASE);
    }
}
