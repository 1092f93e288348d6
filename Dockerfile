# Build stage: the Maven wrapper fetches Maven; tests run in CI, not in the image build.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -q -DskipTests package && cp target/masm-cooperation-*.jar /app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 masm
USER masm
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
ENV TZ=Africa/Porto-Novo
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Duser.timezone=Africa/Porto-Novo", "-jar", "/app/app.jar"]
