import { describe, expect, it } from 'vitest'
import { fileNameFor } from '../../main/print/handlers'

describe('suggested PDF file names', () => {
  it('keeps the title and the day, and drops what a file system refuses', () => {
    expect(fileNameFor('Member directory', '2026-03-14')).toBe('Member directory 2026-03-14.pdf')
    expect(fileNameFor('Meals for Ada/Chidi: "home"?', '2026-03-14')).toBe('Meals for Ada Chidi home 2026-03-14.pdf')
    expect(fileNameFor('Ἀθηνᾶ · Анна', '2026-03-14')).toBe('Ἀθηνᾶ · Анна 2026-03-14.pdf')
    expect(fileNameFor('<>:|', '2026-03-14')).toBe('Hearth 2026-03-14.pdf')
    expect(fileNameFor('x'.repeat(200), '2026-03-14')).toBe(`${'x'.repeat(80)} 2026-03-14.pdf`)
  })
})
