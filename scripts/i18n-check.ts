// `npm run i18n:check`: for every translation in main/contract/i18n/languages/, the English messages it lacks or still
// has in English, with the English text to translate. Exits non-zero when any language needs work.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { en } from '../main/contract/i18n/en'
import type { Language } from '../main/contract/i18n/language'
import { catalogProblems } from './i18n-completeness'

async function main(): Promise<void> {
  const dir = join(import.meta.dirname, '..', 'main', 'contract', 'i18n', 'languages')
  let open = 0
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
    const { language } = (await import(pathToFileURL(join(dir, file)).href)) as { language: Language }
    const p = catalogProblems(en, language)
    const count = p.missing.length + p.untranslated.length + p.unknown.length + p.broken.length
    open += count
    console.log(`${language.code} (${language.name}): ${count === 0 ? 'complete' : `${count} to do`}`)
    const list = (title: string, ids: string[], withEnglish: boolean) => {
      if (ids.length === 0) return
      console.log(`  ${title}:`)
      for (const id of ids) console.log(withEnglish ? `    '${id}': ${JSON.stringify((en as Record<string, string>)[id])},` : `    ${id}`)
    }
    list('missing (add to ' + file + ')', p.missing, true)
    list('still in English (translate, or list in sameAsEnglish)', p.untranslated, true)
    list('placeholders differ from the English, or not valid ICU', p.broken, true)
    list('no longer in English (remove)', p.unknown, false)
  }
  if (open > 0) process.exitCode = 1
}

void main()
