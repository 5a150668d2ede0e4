# syntax=docker/dockerfile:1
#
# Every image of Polyshop, built from a clean checkout: no Maven build on the host is needed. The build context is
# the repository root (.dockerignore keeps build outputs, .git and secrets out). docker-compose.yml picks an image
# by its target:
#
#   service   one Quarkus service on a JRE 21, as a non-root user:
#               docker build --build-arg MODULE=order-service -t polyshop/order-service .
#   gateway   nginx with the routes and static sites of nginx/, as nginx's unprivileged user
#   jwt-keys  the one-shot step that makes the JWT key pair on a fresh docker-compose volume
#
# One Dockerfile for the five services rather than one each: they are built the same way, and the Maven build
# stage does not depend on MODULE, so BuildKit runs it once for all five images instead of five times.

# ---- jwt-keys: openssl and the script, nothing else ----
FROM alpine:3.21 AS jwt-keys
RUN apk add --no-cache openssl
COPY docker/generate-jwt-keys.sh /usr/local/bin/generate-jwt-keys.sh
# Root on purpose, and only here: see the script (it hands the private key to the services' user).
ENTRYPOINT ["/bin/sh", "/usr/local/bin/generate-jwt-keys.sh"]

# ---- gateway: the public entry point ----
FROM nginxinc/nginx-unprivileged:1.28-alpine AS gateway
COPY nginx/container.conf /etc/nginx/nginx.conf
# The image's entrypoint fills the template's ${*_ADDR} into /etc/nginx/conf.d/upstreams.conf at start.
COPY nginx/upstreams.conf.template /etc/nginx/templates/upstreams.conf.template
COPY nginx/ /usr/share/nginx/polyshop/
# container.conf keeps nginx's pid file and temporary files in run/ below its prefix (/etc/nginx/): owned by the
# image's user, and the one directory a read-only root filesystem needs as a volume (k8s/gateway.yaml).
USER root
RUN install -d -o 101 -g 0 -m 0775 /etc/nginx/run
USER 101
EXPOSE 8080

# ---- build: every service, with the repository's Maven wrapper on a JDK 21 ----
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
# The Maven repository (and the Maven the wrapper pins) lives in a build cache, .m2 below the work directory: a
# rebuild downloads nothing it has already. The formatter and import sorter only rewrite sources, which an image
# build does not need.
ENV MAVEN_USER_HOME=.m2
RUN --mount=type=cache,target=.m2,sharing=locked \
    ./mvnw -B -ntp -Dmaven.repo.local=.m2/repository \
        -pl event-store,customer-service,product-service,order-service,accounting-service -am \
        package -DskipTests -Dformatter.skip=true -Dimpsort.skip=true

# ---- runtime: what every service image shares ----
FROM eclipse-temurin:21-jre AS runtime
RUN groupadd --system --gid 10001 polyshop \
    && useradd --system --uid 10001 --gid polyshop --home-dir /app --no-create-home --shell /usr/sbin/nologin polyshop
WORKDIR /app
# The heap follows the container's memory limit; an OutOfMemoryError ends the process, and the orchestrator
# starts a fresh one, instead of a half-working JVM staying up.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
USER 10001:10001
ENTRYPOINT ["java", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", "/app/quarkus-run.jar"]

# ---- service: one module's Quarkus application (last, so that it is the default target) ----
FROM runtime AS service
ARG MODULE
RUN test -n "$MODULE" || { echo "build the service target with --build-arg MODULE=<service module>" >&2; exit 1; }
# The Quarkus fast-jar layout, the dependencies first: they change least often, so their layer is reused most.
# The files stay root-owned: the application reads them and cannot change them.
COPY --from=build /src/${MODULE}/target/quarkus-app/lib/ /app/lib/
COPY --from=build /src/${MODULE}/target/quarkus-app/*.jar /app/
COPY --from=build /src/${MODULE}/target/quarkus-app/app/ /app/app/
COPY --from=build /src/${MODULE}/target/quarkus-app/quarkus/ /app/quarkus/
