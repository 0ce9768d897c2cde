import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const RENDERER = join(import.meta.dirname, '..', '..', 'renderer')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  )
}

// The browser's own date box writes dates in the computer's order (mm/dd/yyyy on an American Windows) whatever
// language Hearth speaks; DateField writes them in the chosen language's order.
describe('date boxes', () => {
  it('are all DateField: no screen uses the browser’s own date input', () => {
    const native = sources(RENDERER).filter((file) => /type(=|:\s*)["']date["']/.test(readFileSync(file, 'utf8')))
    expect(native.map((f) => relative(RENDERER, f))).toEqual([])
  })
})
