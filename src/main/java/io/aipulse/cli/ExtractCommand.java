package io.aipulse.cli;

import io.aipulse.contract.RecordSchema;
import io.aipulse.contract.VersionedJson;
import io.aipulse.extract.Event;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Offline: extract events from article files with the same code as the topology and print "
                + "one event record (JSON) per line, with 'source' set to the file name. Needs no Kafka.")
final class ExtractCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ReceivedAtOption received;

    @Option(names = "--show-dropped", description = "Also print, on standard error, each event the confidence model "
            + "(config/event-confidence.csv) drops, with its confidence.")
    boolean showDropped;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Raw text, .json or .jsonl files, directories, or - for standard input.")
    List<String> paths;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        // the record of the events topic (schemas/event.schema.json), with the file name in 'source'
        VersionedJson<Event> json = VersionedJson.of(Event.class, RecordSchema.EVENT);
        int refused = SourceExtraction.run(common.settings(Map.of()), paths, received.instant(), System.in, System.err,
                event -> out.println(json.write(event)), showDropped ? scored -> System.err.printf(
                        "dropped (confidence %.2f): %s %s | %s | %s%n", scored.probability(), scored.event().type(),
                        scored.event().subject(), scored.event().evidence(), scored.event().source()) : null);
        out.flush();
        return refused == 0 ? 0 : 1;
    }
}
