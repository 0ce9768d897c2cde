import { PDFDocument } from 'pdf-lib'

// A folded booklet from ordinary pages: each sheet of A4 or Letter, turned sideways and printed on both sides
// (flip on the short edge), carries four half-size pages; folded in the middle and stacked, they read in order.

const SHEETS = { A4: [841.89, 595.28], Letter: [792, 612] } as const

/**
 * The order in which pages go onto the sheets, two to a side: for 8 pages, [8, 1], [2, 7], [6, 3], [4, 5]. Pages
 * past the end (the count is made up to a multiple of four) are blank, given as null.
 */
export function bookletOrder(pages: number): [number | null, number | null][] {
  const total = Math.max(4, Math.ceil(pages / 4) * 4)
  const page = (n: number) => (n <= pages ? n : null)
  const sides: [number | null, number | null][] = []
  for (let i = 0; i < total / 4; i++) {
    sides.push([page(total - 2 * i), page(2 * i + 1)])
    sides.push([page(2 * i + 2), page(total - 2 * i - 1)])
  }
  return sides
}

/**
 * Imposes a PDF of half-size pages (A5 or half-letter) two-up onto landscape sheets in booklet order. A
 * right-to-left booklet is bound on the right, as Arabic books are: each side carries the same two pages swapped.
 */
export async function imposeBooklet(pdf: Uint8Array, sheet: 'A4' | 'Letter', direction: 'ltr' | 'rtl' = 'ltr'): Promise<Uint8Array> {
  const source = await PDFDocument.load(pdf)
  const out = await PDFDocument.create()
  out.setTitle(source.getTitle() ?? 'Booklet')
  out.setCreator('Hearth')
  out.setProducer('Hearth')
  const [width, height] = SHEETS[sheet]
  const embedded = await out.embedPages(source.getPages())
  for (const pair of bookletOrder(source.getPageCount())) {
    const [left, right] = direction === 'rtl' ? [pair[1], pair[0]] : pair
    const side = out.addPage([width, height])
    for (const [n, x] of [
      [left, 0],
      [right, width / 2],
    ] as const) {
      if (n === null) continue
      const page = embedded[n - 1]!
      // Centred in its half: an A5 page fills half of A4 exactly; a half-letter page half of Letter.
      const scale = Math.min(width / 2 / page.width, height / page.height)
      side.drawPage(page, { x: x + (width / 2 - page.width * scale) / 2, y: (height - page.height * scale) / 2, xScale: scale, yScale: scale })
    }
  }
  return out.save()
}
