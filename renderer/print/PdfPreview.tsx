import { Alert, Loader, Stack, Text } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'

type PdfJs = typeof import('pdfjs-dist')

let pdfjsLoading: Promise<PdfJs> | null = null

// pdf.js is large: it loads the first time a preview opens. Its worker is served from Hearth's own files, which
// the page's Content-Security-Policy allows.
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default
    return pdfjs
  })
  return pdfjsLoading
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * Draws every page of a PDF onto canvases, so the person sees exactly what will be printed. Neither headless
 * Chromium nor Electron's sandboxed window can be relied on to show PDFs themselves.
 */
export function PdfPreview({ pdfBase64, width = 640 }: { pdfBase64: string; width?: number }) {
  const intl = useIntl()
  const holder = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<{ status: 'drawing' | 'done' | 'failed'; pages: number }>({ status: 'drawing', pages: 0 })

  useEffect(() => {
    const target = holder.current
    if (!target) return
    let cancelled = false
    let destroy: (() => Promise<void>) | null = null
    setState({ status: 'drawing', pages: 0 })
    target.replaceChildren()
    ;(async () => {
      const pdfjs = await loadPdfJs()
      const task = pdfjs.getDocument({ data: fromBase64(pdfBase64), isEvalSupported: false })
      destroy = () => task.destroy()
      const pdf = await task.promise
      for (let n = 1; n <= pdf.numPages && !cancelled; n++) {
        const page = await pdf.getPage(n)
        const base = page.getViewport({ scale: 1 })
        const ratio = window.devicePixelRatio || 1
        const viewport = page.getViewport({ scale: (width / base.width) * ratio })
        const canvas = document.createElement('canvas')
        canvas.width = Math.floor(viewport.width)
        canvas.height = Math.floor(viewport.height)
        canvas.style.width = `${width}px`
        canvas.style.height = `${Math.floor(viewport.height / ratio)}px`
        canvas.setAttribute('role', 'img')
        canvas.setAttribute('aria-label', intl.formatMessage({ id: 'print.preview.page' }, { page: n, count: pdf.numPages }))
        canvas.style.boxShadow = '0 1px 4px rgba(0, 0, 0, 0.35)'
        canvas.style.background = 'white'
        await page.render({ canvas, viewport }).promise
        if (cancelled) return
        target.appendChild(canvas)
        setState({ status: 'drawing', pages: n })
      }
      if (!cancelled) setState({ status: 'done', pages: pdf.numPages })
    })().catch((err: unknown) => {
      if (cancelled) return
      console.warn('The print preview could not be drawn', err)
      setState({ status: 'failed', pages: 0 })
    })
    return () => {
      cancelled = true
      void destroy?.()
    }
  }, [pdfBase64, width, intl])

  return (
    <Stack gap="xs" align="center">
      {state.status === 'failed' ? (
        <Alert color="orange">
          <FormattedMessage id="print.preview.failed" />
        </Alert>
      ) : null}
      {state.status === 'drawing' ? <Loader size="sm" aria-label={intl.formatMessage({ id: 'print.preview.drawing' })} /> : null}
      {state.status === 'done' ? (
        <Text size="sm" c="dimmed">
          <FormattedMessage id="print.preview.pageCount" values={{ count: state.pages }} />
        </Text>
      ) : null}
      <div ref={holder} className="hearth-pdf-pages" style={{ display: 'flex', flexDirection: 'column', gap: 12, alignItems: 'center' }} />
    </Stack>
  )
}
