import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ERASE_EVERY_MS, type SessionClock, startSession } from '../../main/session'
import { TestOs } from '../bridge/test-os'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'

/** A clock moved by hand: `advance` runs each timer as often as it would have fired, at the times it would have. */
function handClock(start: Date) {
  let now = start.getTime()
  const timers = new Set<{ ms: number; next: number; run: () => void }>()
  const clock: SessionClock & { advance(ms: number): Promise<void>; timers: number } = {
    now: () => new Date(now),
    every(ms, run) {
      const t = { ms, next: now + ms, run }
      timers.add(t)
      return () => timers.delete(t)
    },
    async advance(ms) {
      const until = now + ms
      for (;;) {
        const due = [...timers].filter((t) => t.next <= until).sort((a, b) => a.next - b.next)[0]
        if (!due) break
        now = due.next
        due.next += due.ms
        due.run()
        // What the timer started (a queued erasure) finishes before time moves on.
        await new Promise((r) => setTimeout(r, 20))
      }
      now = until
    },
    get timers() {
      return timers.size
    },
  }
  return clock
}

function bytesHold(dir: string, text: string): boolean {
  const needle = Buffer.from(text, 'utf8')
  return ['hearth.sqlite', 'hearth.sqlite-wal'].some((f) => existsSync(join(dir, f)) && readFileSync(join(dir, f)).includes(needle))
}

async function sessionAt(dir: string, clock: SessionClock) {
  return startSession(join(dir, 'hearth.sqlite'), new TestOs(dir), 'test', { clock })
}

describe('erasure on time, with no write in between', () => {
  it('a deleted confidential note and a deleted prayer request leave the file and its log within the hour while Hearth is only read', async () => {
    const dir = tempDir()
    const clock = handClock(new Date())
    const s = await sessionAt(dir, clock)
    try {
      const { id } = await call(s, 'members.create', { firstName: 'Ада', lastName: 'Οικονόμου-李', mobilePhone: '07700 900001' })
      const note = await call(s, 'members.addNote', { personId: id, body: 'Confided: debt and drinking — خاص jx71', confidential: true })
      const circle = await call(s, 'prayerCircles.create', { name: 'Tuesday circle', memberIds: [] })
      const request = await call(s, 'prayerCircles.addRequest', { circleId: circle.id, body: 'For the Nguyens, miscarriage kq52', confidentiality: 'circle' })
      await call(s, 'members.deleteNote', { id: note.id })
      await call(s, 'prayerCircles.deleteRequest', { requestId: request.id })
      // Kept for the undo hour…
      expect(bytesHold(dir, 'debt and drinking')).toBe(true)
      expect(bytesHold(dir, 'miscarriage kq52')).toBe(true)

      // …and only read from then on: the home screen and the member, over and over, as an open app does.
      for (let minute = 0; minute < 60; minute += 10) {
        await clock.advance(10 * 60_000)
        await call(s, 'members.get', { id })
        await call(s, 'home.view', {})
      }
      await clock.advance(ERASE_EVERY_MS)
      expect(bytesHold(dir, 'debt and drinking')).toBe(false)
      expect(bytesHold(dir, 'jx71')).toBe(false)
      expect(bytesHold(dir, 'miscarriage kq52')).toBe(false)
      // What else the file holds is untouched.
      expect((await call(s, 'members.get', { id })).lastName).toBe('Οικονόμου-李')
    } finally {
      await s.close()
    }
    expect(clock.timers).toBe(0)
  })

  it('keeps the text through the undo hour, so the delete can still be undone just before it ends', async () => {
    const dir = tempDir()
    const clock = handClock(new Date())
    const s = await sessionAt(dir, clock)
    try {
      const { id } = await call(s, 'members.create', { firstName: 'Ruth', lastName: 'Abara' })
      const note = await call(s, 'members.addNote', { personId: id, body: 'Awaiting biopsy result vb19', confidential: true })
      const deleted = await s.registry.dispatch('members.deleteNote', { id: note.id })
      if (!deleted.ok || !deleted.change) throw new Error('the delete recorded no change')
      await clock.advance(55 * 60_000)
      expect(bytesHold(dir, 'biopsy result vb19')).toBe(true)
      await call(s, 'history.undo', { changeId: deleted.change.id })
      expect((await call(s, 'members.get', { id })).notes.map((n) => n.body)).toEqual(['Awaiting biopsy result vb19'])
    } finally {
      await s.close()
    }
  })

  it('erases at start what ran out while Hearth was closed, before anything else is asked of it', async () => {
    const dir = tempDir()
    const clock = handClock(new Date())
    const first = await sessionAt(dir, clock)
    const { id } = await call(first, 'members.create', { firstName: 'Sam', lastName: 'Lee' })
    const note = await call(first, 'members.addNote', { personId: id, body: 'Rehab in March zt44', confidential: true })
    await call(first, 'members.deleteNote', { id: note.id })
    await first.close()
    expect(bytesHold(dir, 'Rehab in March zt44')).toBe(true)

    await clock.advance(2 * 3_600_000)
    const again = await sessionAt(dir, clock)
    try {
      expect(bytesHold(dir, 'Rehab in March zt44')).toBe(false)
    } finally {
      await again.close()
    }
  })
})

describe('erasure on time on a damaged file', () => {
  it('still lets Hearth start when the history cannot be pruned, so the screens can offer a way back', async () => {
    const dir = tempDir()
    const clock = handClock(new Date())
    const first = await sessionAt(dir, clock)
    await call(first, 'members.create', { firstName: 'Ruth', lastName: 'Olson' })
    await first.close()
    const { default: BetterSqlite3 } = await import('better-sqlite3')
    const raw = new BetterSqlite3(join(dir, 'hearth.sqlite'))
    // A file someone edited by hand: the history's tables are gone, so pruning fails.
    raw.exec('drop table history_rows; drop table history_changes')
    raw.close()
    const logged: string[] = []
    const error = console.error
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '))
    try {
      const again = await sessionAt(dir, clock)
      try {
        expect((await call(again, 'members.search', {})).total).toBe(1)
      } finally {
        await again.close()
      }
    } finally {
      console.error = error
    }
    expect(logged.some((l) => /Erasing on time failed:.*no such table/.test(l)), logged.join('\n')).toBe(true)
  })
})
