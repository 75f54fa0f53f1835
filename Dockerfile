# Builds target/aipulse.jar and runs it. Used by docker-compose.yml (services "aipulse" and "seed-producer").
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY config config
RUN mvn -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app aipulse \
    && mkdir -p /var/lib/aipulse && chown aipulse /var/lib/aipulse
WORKDIR /app
COPY --from=build /src/target/aipulse.jar /app/aipulse.jar
COPY config /app/config
COPY seeds /app/seeds
USER aipulse
EXPOSE 8080
# /health/ready answers 200 while Kafka Streams is RUNNING (docker-compose.yml has the same check)
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=12 \
    CMD curl -fsS http://localhost:8080/health/ready > /dev/null || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/aipulse.jar"]
CMD ["run", "--http-port", "8080", "--state-dir", "/var/lib/aipulse"]
