interface RouterLayer {
  match(path: string): boolean;
  route?: { methods: Record<string, boolean> };
}

/**
 * The HTTP methods the app's routes answer on `path`, upper case and sorted: what a 405 lists in
 * `Allow`. Read from Express's router, so it cannot drift from the routes Nest registered.
 */
export function allowedMethodsOf(express: { router?: { stack: RouterLayer[] } }, path: string): string[] {
  const methods = new Set<string>();
  for (const layer of express.router?.stack ?? []) {
    if (!layer.route || !layer.match(path)) continue;
    for (const [method, handled] of Object.entries(layer.route.methods))
      if (handled && method !== '_all') methods.add(method.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
