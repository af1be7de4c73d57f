// What the service knows about its own health at run time. Components report failures here (a SQLite
// error, a dead worker pool); readiness probes read it. Liveness never does: a busy or degraded
// process is still alive.
export interface ReadinessProblem {
  component: string;
  reason: string;
  since: string;
}

export interface Readiness {
  /** Marks a component failing; the service reports not ready until it recovers. */
  fail(component: string, reason: string): void;
  recover(component: string): void;
  problems(): ReadinessProblem[];
  ready(): boolean;
}

export function createReadiness(): Readiness {
  const failing = new Map<string, ReadinessProblem>();
  return {
    fail(component, reason) {
      if (!failing.has(component)) failing.set(component, { component, reason, since: new Date().toISOString() });
    },
    recover: (component) => void failing.delete(component),
    problems: () => [...failing.values()],
    ready: () => failing.size === 0,
  };
}
