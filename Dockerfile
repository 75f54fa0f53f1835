# Builds target/aipulse.jar and runs it. Used by docker-compose.yml (service "aipulse" and "seed-producer").
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY config config
RUN mvn -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/aipulse.jar /app/aipulse.jar
COPY config /app/config
COPY seeds /app/seeds
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/aipulse.jar"]
CMD ["run", "--http-port", "8080"]
