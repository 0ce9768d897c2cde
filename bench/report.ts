/** The figures printed so far, by name: bench/run.ts checks that each bench printed its own, each a number. */
export const reported = new Map<string, number>()

/** One figure, in the one format `npm run bench` prints: `bench: NAME VALUE UNIT`. */
export function report(name: string, value: number, unit: string): void {
  reported.set(name, value)
  const shown = value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)
  console.log(`bench: ${name} ${shown} ${unit}`)
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

export async function timeMs(run: () => unknown): Promise<number> {
  const start = performance.now()
  await run()
  return performance.now() - start
}

export function median(samples: number[]): number {
  return percentile(samples, 50)
}
