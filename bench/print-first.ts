// Run by bench/print.ts in a fresh process: the first printout after Hearth starts, with the warm-up the app runs a
// moment after start (main/index.ts: warmUpPrintingAtStart) already done, as it is by the time a volunteer reaches
// Print.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { warmUpPrintingAtStart } from '../main/print/warm-up'
import { startSession } from '../main/session'
import { TestOs } from '../tests/bridge/test-os'
import { report, timeMs } from './report'

async function main(): Promise<void> {
  const [databasePath, request] = process.argv.slice(2) as [string, string]
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-print-first-'))
  const session = await startSession(databasePath, new TestOs(dir, 'en-GB'), 'bench')
  try {
    await warmUpPrintingAtStart(session.context)
    const before = process.cpuUsage()
    const ms = await timeMs(async () => {
      const r = await session.registry.dispatch('print.preview', JSON.parse(request))
      if (!r.ok) throw new Error(r.error.message)
    })
    const used = process.cpuUsage(before)
    report('print.first_after_start_ms', ms, 'ms')
    // Wall time on a busy machine includes waiting for the CPU; the processor time of the same printout moves less.
    report('print.first_after_start_cpu_ms', (used.user + used.system) / 1000, 'ms')
  } finally {
    await session.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
