import { writeFileSync } from 'node:fs'
import { renderPdf, ruledLayout } from './main/print/pdf'
const settings = { congregationName: 'St B', paperSize: 'A4' as const, timeZone: 'Europe/London' }
;(async () => {
for (let filler = 49; filler <= 49; filler++) {
  const content = [
    ...Array.from({ length: filler }, (_, i) => `Filler ${i + 1}`),
    { text: 'Easter vigil', bold: true, fontSize: 12, headlineLevel: 1 },
    { table: { headerRows: 1, body: [['Day'], ...Array.from({ length: 10 }, (_, i) => [`Slot ${i + 1}`])] }, layout: ruledLayout },
  ]
  writeFileSync(`/tmp/h${filler}.pdf`, await renderPdf({ title: 'T', content } as never, settings, 'en-GB', new Date(), { tighten: false }))
}
})()
