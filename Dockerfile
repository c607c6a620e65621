# CareNest image: one Node.js 24 process serving the API, the web app, WebSockets and the background workers.
#
#   docker build -t carenest .
#   docker run -p 3000:3000 -v carenest-data:/data carenest            # embedded PGlite in /data, demo data
#   docker run carenest migrate                                         # any src/main.ts command: serve (default),
#                                                                       # migrate, openapi, backup <file>, restore <file>
# With PostgreSQL, Redis and Kafka: deploy/compose.yaml (env from .env.example) or deploy/k8s/.
# The image runs `node src/main.ts` on the base image's Node 24, which strips TypeScript types natively: no build
# step for the server, and neither the npm package `node` (a devDependency) nor Vite are in the final image.

# ---- build: install everything, build web/dist, then drop the dev dependencies --------------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
COPY package.json package-lock.json ./
# npm ci's postinstall (scripts/postinstall.ts) finds no web/ or src/ yet and does nothing: web:build below builds
# the web app, and postinstall is run again once src/ is there, for the embedded database template.
COPY scripts/postinstall.ts ./scripts/
RUN npm ci
COPY tsconfig.json ./
COPY src ./src
COPY web ./web
# Vite writes the production bundle (and its precompressed .gz/.br copies) into web/dist, which src/web-assets.ts
# serves at `/` (it builds only when web/dist/index.html is missing, and Vite is not in the runtime image).
RUN npm run web:build && test -f web/dist/index.html
# The embedded database made once, migrated and empty (decision 0035), under node_modules/.cache/carenest, which
# `npm prune` keeps: a container's new /data starts as a copy of it instead of running initdb and every migration.
RUN node scripts/postinstall.ts && test -f node_modules/.cache/carenest/pglite-*/PG_VERSION
RUN npm prune --omit=dev && npm cache clean --force

# ---- runtime: production dependencies + src + web/dist, non-root ------------------------------------------------
FROM node:24-bookworm-slim AS runtime
# tini as PID 1 forwards SIGTERM to node and reaps children; node as PID 1 would ignore a SIGTERM that arrives
# before main.ts has installed its handler (during migrations), and the stop would wait for SIGKILL.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
# MALLOC_MMAP_THRESHOLD_: argon2's 19 MB blocks go back to the system when freed (decision 0031; npm start sets it too).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
# The code belongs to root and is read-only for the app user (uid 1000, `node` in the base image); only /data is
# written: embedded database (pglite/), local files (files/), generated secrets (secrets/).
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/src ./src
COPY --from=build /app/web/dist ./web/dist
RUN mkdir -p /data && chown 1000:1000 /data
VOLUME ["/data"]
# Numeric so that Kubernetes can check runAsNonRoot.
USER 1000:1000
EXPOSE 3000
# /health/ready checks the database, cache, event bus and storage (503 while one is down); node's own fetch, no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# main.ts drains HTTP, closes the workers, pools and the DATA_DIR lock on SIGTERM, then exits 0 (forced after 15 s):
# give it at least that long (docker stop -t 20, compose stop_grace_period, k8s terminationGracePeriodSeconds).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--", "node", "src/main.ts"]
CMD ["serve"]
