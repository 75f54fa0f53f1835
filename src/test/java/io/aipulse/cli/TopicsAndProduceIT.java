package io.aipulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.broker.BrokerOptions;
import io.aipulse.broker.EmbeddedKafkaBroker;
import io.aipulse.testsupport.ChildProcess;
import io.aipulse.testsupport.Project;
import io.aipulse.testsupport.ServiceJar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code topics}, {@code topics.create=false} and {@code produce} on a cluster whose topics someone else
 * created: the jar against the in-process broker. A topic that differs from what the service needs is named
 * with the difference; a missing one is an error when the service may not create it; an article the broker
 * refuses is reported on its own line while the others are sent, and {@code produce} exits 1.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicsAndProduceIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** The articles topic a platform team made: Kafka's default retention, and records up to 20,000 bytes. */
    private static final int SMALL_RECORDS = 20_000;

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;
    private static Path work;

    @BeforeAll
    static void start() {
        work = Project.freshDirUnderTarget("topics-produce-it");
        broker = EmbeddedKafkaBroker.start(BrokerOptions.ephemeral());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void refusesToProduceWhenTopicsAreMissingAndItMayNotCreateThem() throws Exception {
        // given an empty cluster, and an article
        Path articles = Files.createDirectories(work.resolve("one"));
        Files.writeString(articles.resolve("a.txt"), article("一篇文章", 1));

        // when produce runs with topics.create=false
        ChildProcess.Result produced = jar("produce-no-create", "produce", "--bootstrap", broker.bootstrapServers(),
                "--set", "topics.create=false", articles.toString());

        // then it fails, naming what is missing, and creates nothing
        assertThat(produced.exitCode()).as(produced.stderr()).isEqualTo(1);
        assertThat(produced.stderr()).contains("topics.create=false and these topics do not exist: aipulse.articles");
        assertThat(topicNames()).noneMatch(name -> name.startsWith("aipulse."));
    }

    @Test
    @Order(2)
    void namesEachTopicThatDiffersFromWhatTheServiceNeeds() throws Exception {
        // given an articles topic with Kafka's default retention and small records, and an aggregate topic
        // without compaction, created by someone else
        admin.createTopics(List.of(
                new NewTopic("aipulse.articles", 1, (short) 1).configs(Map.of("retention.ms", "604800000",
                        "max.message.bytes", Integer.toString(SMALL_RECORDS))),
                new NewTopic("aipulse.agg.sector.1d", 1, (short) 1).configs(Map.of("cleanup.policy", "delete"))))
                .all().get(30, TimeUnit.SECONDS);

        // when the topics are checked
        ChildProcess.Result checked = jar("topics-check", "topics", "--bootstrap", broker.bootstrapServers());

        // then the differences and the missing topics are named, and it exits 1
        assertThat(checked.exitCode()).as(checked.stderr()).isEqualTo(1);
        assertThat(checked.stdout())
                .contains("differs aipulse.articles: retention.ms=604800000 (7 days) where the service is configured for -1")
                .contains("differs aipulse.articles: max.message.bytes=20000 where the service needs 16777216")
                .contains("differs aipulse.agg.sector.1d: cleanup.policy=delete where the service needs compact")
                .contains("missing aipulse.events").contains("missing aipulse.agg.city.1w");
    }

    @Test
    @Order(3)
    void reportsAnArticleTheBrokerRefusesOnItsOwnLineSendsTheOthersAndExitsOne() throws Exception {
        // given two articles the topic takes and one over its 20,000 bytes (random characters: lz4 cannot shrink it)
        Path articles = Files.createDirectories(work.resolve("three"));
        Files.writeString(articles.resolve("a.txt"), article("第一篇", 1));
        Files.writeString(articles.resolve("big.txt"), article(randomChinese(12_000), 2));
        Files.writeString(articles.resolve("c.txt"), article("第三篇", 3));

        // when they are produced to the cluster as it is
        ChildProcess.Result produced = jar("produce", "produce", "--bootstrap", broker.bootstrapServers(),
                articles.toString());

        // then the refused one is reported with the broker's error, the others are sent, and it exits 1
        assertThat(produced.exitCode()).as(produced.stderr()).isEqualTo(1);
        assertThat(produced.stderr()).containsPattern("failed big\\.txt id=\\S+: RecordTooLargeException");
        assertThat(produced.stdout().lines().filter(line -> line.startsWith("sent ") && line.contains(" id=")))
                .hasSize(2).anyMatch(line -> line.startsWith("sent a.txt ")).anyMatch(line -> line.startsWith("sent c.txt "));
        assertThat(produced.stdout()).contains("sent 2, refused 0, failed 1");
        // and the differences of the existing topics were logged as warnings at its start
        assertThat(produced.stderr()).contains("WARN").contains("topic aipulse.articles: retention.ms=604800000");
        // and it created the missing topics, replicated as the broker's default says, aggregates compacted
        TopicDescription events = admin.describeTopics(List.of("aipulse.events")).allTopicNames()
                .get(30, TimeUnit.SECONDS).get("aipulse.events");
        assertThat(events.partitions().get(0).replicas()).hasSize(1);
        ConfigResource cityWeeks = new ConfigResource(ConfigResource.Type.TOPIC, "aipulse.agg.city.1w");
        Config config = admin.describeConfigs(List.of(cityWeeks)).all().get(30, TimeUnit.SECONDS).get(cityWeeks);
        assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }

    @Test
    @Order(4)
    void findsNothingToSayWhenEveryTopicIsAsTheServiceNeedsIt() throws Exception {
        // given the two topics made as the service needs them
        admin.deleteTopics(List.of("aipulse.articles", "aipulse.agg.sector.1d")).all().get(30, TimeUnit.SECONDS);
        ChildProcess.Result created = jar("produce-creates", "produce", "--bootstrap", broker.bootstrapServers(),
                work.resolve("one").toString());
        assertThat(created.exitCode()).as(created.stderr()).isZero();

        // when the topics are checked
        ChildProcess.Result checked = jar("topics-fit", "topics", "--bootstrap", broker.bootstrapServers());

        // then
        assertThat(checked.exitCode()).as(checked.stdout()).isZero();
        assertThat(checked.stdout()).contains("every topic exists as the service needs it").doesNotContain("differs");
    }

    private static ChildProcess.Result jar(String name, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(args));
        command.addAll(1, List.of("--config-dir", Project.CONFIG.toString()));
        return ServiceJar.runToEnd(name, work, TIMEOUT, "256m", command.toArray(String[]::new));
    }

    private static Set<String> topicNames() throws Exception {
        return admin.listTopics().names().get(30, TimeUnit.SECONDS);
    }

    private static String article(String body, int day) {
        return "标题: 测试 " + day + "\n链接: https://news.example.cn/topics-it/" + day + "\n总结: 2024-05-0" + day
                + " 10:00 " + body + "\n";
    }

    private static String randomChinese(int chars) {
        Random random = new Random(16);
        StringBuilder text = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            text.append((char) (0x4E00 + random.nextInt(0x5000)));
        }
        return text.toString();
    }
}
