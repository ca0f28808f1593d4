# syntax=docker/dockerfile:1
# One image for the API (default command) and the worker (`node dist/api/apps/api/src/worker.js`).
ARG NODE_IMAGE=node:20-bookworm-slim

# npm 11, as in development: it runs only the install scripts package.json approves ("allowScripts").
FROM ${NODE_IMAGE} AS base
RUN npm install -g npm@11 && npm cache clean --force
WORKDIR /app

# Only the package manifests, so the dependency layers below are rebuilt only when they change.
FROM base AS manifests
COPY . .
RUN mkdir /manifests \
 && find . -name node_modules -prune -o \( -name package.json -o -name package-lock.json \) -print \
  | xargs cp --parents -t /manifests

FROM base AS build
COPY --from=manifests /manifests/ ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM base AS runtime
ENV NODE_ENV=production
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
COPY --from=build /app/libs/contracts/dist ./libs/contracts/dist
COPY --from=build /app/libs/domain/dist ./libs/domain/dist
# Investors' uploads (PORTAL_UPLOAD_DIR, .data/portal-uploads): writable by the app user; a volume mounted here
# starts with this owner.
RUN mkdir -p .data/portal-uploads && chown -R node:node .data
USER node
EXPOSE 3000
CMD ["node", "dist/api/apps/api/src/main.js"]
