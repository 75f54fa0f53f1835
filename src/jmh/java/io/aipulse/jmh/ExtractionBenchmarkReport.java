package io.aipulse.jmh;

import io.aipulse.article.Article;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ExtractionBenchmark} and turns operations/s into MB/s and articles/s per core, and the
 * ratio of our extraction to HanLP's recognition on the same text.
 */
public final class ExtractionBenchmarkReport {

    private ExtractionBenchmarkReport() {
    }

    public static void main(String[] args) throws RunnerException, org.openjdk.jmh.runner.options.CommandLineOptionException {
        // Maven passes -Djmh.args="..." as one argument
        String[] jmhArgs = args.length == 1 ? (args[0].isBlank() ? new String[0] : args[0].strip().split("\\s+")) : args;
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(jmhArgs))
                .include(ExtractionBenchmark.class.getSimpleName())
                .build()).run();
        Map<String, Double> mbPerSec = new HashMap<>();
        System.out.println();
        System.out.printf("%-40s %-8s %12s %12s%n", "benchmark", "texts", "MB/s", "articles/s");
        for (RunResult result : results) {
            String textSet = result.getParams().getParam("textSet");
            String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            double opsPerSec = result.getPrimaryResult().getScore();
            java.util.List<Article> texts = ExtractionBenchmark.texts(textSet);
            long bytes = texts.stream().mapToLong(a -> a.fullText().getBytes(StandardCharsets.UTF_8).length).sum();
            double mb = opsPerSec * bytes / 1e6;
            mbPerSec.put(name + "/" + textSet, mb);
            System.out.printf("%-40s %-8s %12.2f %12.1f%n", name, textSet, mb, opsPerSec * texts.size());
        }
        for (String textSet : new String[] {"seeds", "corpus"}) {
            Double ours = mbPerSec.get("cleanAndExtract/" + textSet);
            Double hanlp = mbPerSec.get("hanlpPlaceAndOrganisationRecognition/" + textSet);
            if (ours != null && hanlp != null) {
                System.out.printf("ratio extraction / HanLP NER on %s: %.1fx%n", textSet, ours / hanlp);
            }
        }
    }
}
