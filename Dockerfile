# The AI Pulse service image, built once and used by both docker-compose services ("aipulse" runs the stream
# service, "seed-producer" the one-shot `produce` of seeds/). It carries target/aipulse-service.jar: the service
# without Kafka's server classes (the in-process broker of `demo` and the tests lives in target/aipulse.jar only).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY config config
COPY schemas schemas
RUN mvn -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
# curl (for the health check) comes with the base image; fail the build here rather than every check later
RUN command -v curl > /dev/null \
    && useradd --system --uid 10001 --home-dir /app aipulse \
    && mkdir -p /var/lib/aipulse && chown aipulse /var/lib/aipulse
WORKDIR /app
COPY --from=build /src/target/aipulse-service.jar /app/aipulse.jar
COPY config /app/config
COPY seeds /app/seeds
USER aipulse
EXPOSE 8080
# /health/ready answers 200 while Kafka Streams is RUNNING (docker-compose.yml has the same check)
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=12 \
    CMD curl -fsS http://localhost:8080/health/ready > /dev/null || exit 1
# The base image's entrypoint first: with USE_SYSTEM_CA_CERTS=1 it adds the certificates mounted in /certificates
# (a private CA of a SASL_SSL cluster) to the JVM's trust store, then execs the command, so java stays PID 1 and
# gets docker's SIGTERM (the service closes its streams within 25 s; compose waits 40 s before SIGKILL).
# Memory: the heap takes at most half of the container's limit; the rest is for RocksDB (rocksdb.memory.bytes,
# 128 MiB by default) and the JVM's own off-heap memory. Out of heap, the JVM exits at once (the orchestrator
# restarts it) instead of running on half-broken. JAVA_TOOL_OPTIONS adds or overrides flags (-Xmx wins over the
# percentage).
ENTRYPOINT ["/__cacert_entrypoint.sh", "java", "-XX:+ExitOnOutOfMemoryError", "-XX:MaxRAMPercentage=50", "-jar", "/app/aipulse.jar"]
CMD ["run", "--http-port", "8080", "--state-dir", "/var/lib/aipulse"]
