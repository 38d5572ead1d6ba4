export { type ApiConfig, apiConfig, type Context, createContextInner } from './context.ts';
export { type ApiEnv, readApiEnv } from './env.ts';
export { type AppRouter, appRouter } from './routers/index.ts';
export { createServer, csrfHeader, type ServerOptions } from './server.ts';
export { createCallerFactory } from './trpc.ts';
