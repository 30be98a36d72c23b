# Any service of the platform. Build from the repository root, naming the service and its port:
#   docker build -f deploy/service.Dockerfile --build-arg SERVICE=applications --build-arg PORT=3001 -t technopark/applications .
ARG NODE_IMAGE=node:20.19-bookworm-slim

FROM ${NODE_IMAGE} AS build
ARG SERVICE
RUN test -n "$SERVICE" || (echo "build argument SERVICE is required, e.g. --build-arg SERVICE=applications" >&2; exit 1)
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx build "$SERVICE" --output-style=static

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ARG PORT=3000
ENV NODE_ENV=production PORT=${PORT}
WORKDIR /app
COPY --from=build /workspace/dist/services/${SERVICE}/package.json /workspace/dist/services/${SERVICE}/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /workspace/dist/services/${SERVICE} ./
USER node
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The flags of SERVICE_NODE_FLAGS (tools/infra/src/service-node-flags.ts), which says why each is there.
CMD ["node", "--enable-source-maps", "--max-semi-space-size=2", "main.js"]
