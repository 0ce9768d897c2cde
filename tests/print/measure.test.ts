import { describe, expect, it } from 'vitest'
import { loadMeasurer, wrapText } from '../../main/print/engine/measure'

describe('text measured in the font it is printed in', () => {
  it('measures Chinese, Arabic and Thai names with their own Noto fonts, not Noto Sans', async () => {
    const m = await loadMeasurer()
    // Han characters are a full em wide in Noto Sans SC: three of them at 10 pt are 30 pt.
    expect(m.width('王小明', { size: 10 })).toBeCloseTo(30, 0)
    // Noto Sans has no Arabic or Thai: measured with it, every letter would be the same missing-glyph box.
    const box = m.width('\u0378', { size: 10 })
    expect(m.width('محمد', { size: 10 })).not.toBeCloseTo(4 * box, 1)
    expect(m.width('สมชาย', { size: 10 })).not.toBeCloseTo(5 * box, 1)
    expect(m.width('محمد', { size: 10 })).toBeGreaterThan(10)
  })

  it('measures a mixed line as the sum of its runs, and Latin-only text as before', async () => {
    const m = await loadMeasurer()
    const latin = m.width('Chen ', { size: 10 })
    const han = m.width('王小明', { size: 10 })
    expect(m.width('Chen 王小明', { size: 10 })).toBeCloseTo(latin + han, 1)
    expect(m.width('Ada Okafor', { size: 10, bold: true })).toBeGreaterThan(m.width('Ada Okafor', { size: 10 }))
  })

  it('wraps a line of Chinese names where it really runs out of room', async () => {
    const m = await loadMeasurer()
    // Ten names of three characters: 30 pt each plus a space, so about four fit in 130 pt.
    const lines = wrapText(m, Array.from({ length: 10 }, () => '王小明').join(' '), { size: 10 }, 130)
    expect(lines.length).toBeGreaterThanOrEqual(3)
    for (const line of lines) expect(m.width(line, { size: 10 })).toBeLessThanOrEqual(130)
  })
})
