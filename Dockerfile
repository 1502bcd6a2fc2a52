# syntax=docker/dockerfile:1
# The flyte-secrets image: one program (controller | webhook | operator), compiled from src/ and run on Node 24 as a
# non-root user, with production dependencies only. The Helm chart (charts/flyte-secrets) runs it.
#   docker build -t flyte-secrets:0.1.0 .
# The Node version matches the project's pinned toolchain (the `node` devDependency in package.json).
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# Compile TypeScript to dist/ with the project's own toolchain (npm ci installs it, devDependencies included).
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Production dependencies only: no compiler, no test tools, no `node` package (the base image provides Node).
FROM ${NODE_IMAGE} AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE}
# npm and corepack are not needed to run the program; removing them leaves less to patch.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
# Two malloc arenas instead of glibc's up to 8 per core: fewer arenas keep less freed native memory (response
# buffers) resident (README "Sizing").
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY package.json ./
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY crds ./crds
# 65532: the conventional "nonroot" uid/gid; the chart's securityContext runs as the same.
USER 65532:65532
ENTRYPOINT ["node", "/app/dist/main.js"]
CMD ["--help"]
