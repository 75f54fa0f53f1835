package io.aipulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aipulse.extract.eval.Scorer;
import io.aipulse.json.Json;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Extract events from the inputs and score them against hand-labelled gold events: precision, "
                + "recall, F1 and attribute accuracy, computed and printed exactly as score.py does, then precision "
                + "and recall per event type.")
final class EvalCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ReceivedAtOption received;

    @Option(names = "--gold", paramLabel = "FILE", required = true, description = "Gold events (JSON lines).")
    Path gold;

    @Option(names = "--show-misses", description = "List missed gold events and extra predictions.")
    boolean showMisses;

    @Option(names = "--json", description = "Print the scores as one JSON object.")
    boolean json;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Articles: files, directories, or - for stdin.")
    List<String> paths;

    @Override
    public Integer call() {
        ObjectMapper mapper = Json.newMapper();
        List<JsonNode> predicted = new ArrayList<>();
        int refused = SourceExtraction.run(common.settings(Map.of()), paths, received.instant(), System.in, System.err,
                event -> predicted.add(mapper.valueToTree(event)));
        Scorer.Result result = Scorer.score(Scorer.load(gold), predicted);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (json) {
            out.print(Scorer.json(result) + System.lineSeparator());
        } else {
            // score.py's report, then what score.py does not print: the scores of each event type
            out.print(Scorer.report(result, showMisses));
            out.print(System.lineSeparator() + Scorer.byTypeReport(result));
        }
        return refused == 0 ? 0 : 1;
    }
}
