import { Box, Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react'

interface Props {
  label: string
  description: string
  count: number
  /** False while the list does not know how long it is yet (it grows as it is scrolled): screen readers hear "unknown". */
  sizeKnown?: boolean
  rowHeight: number
  height: number | string
  activeIndex: number | null
  onActivate: (index: number) => void
  onRange: (start: number, end: number) => void
  renderRow: (index: number) => ReactNode
  idPrefix: string
}

/**
 * A list that renders only the rows on screen (smooth at 10,000 people) and works from the keyboard as a
 * listbox: Tab to it, then the arrow keys, Page Up/Down, Home and End move the choice.
 */
export function VirtualListbox({ label, description, count, sizeKnown = true, rowHeight, height, activeIndex, onActivate, onRange, renderRow, idPrefix }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
  })
  const items = virtualizer.getVirtualItems()
  const start = items[0]?.index ?? 0
  const end = items.at(-1)?.index ?? 0

  useEffect(() => {
    onRange(start, Math.max(end, start))
  }, [start, end, onRange])

  const move = (to: number) => {
    if (count === 0) return
    const index = Math.min(count - 1, Math.max(0, to))
    onActivate(index)
    virtualizer.scrollToIndex(index, { align: 'auto' })
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1)
    const at = activeIndex ?? -1
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(Math.max(0, at - 1)),
      PageDown: () => move(at + page),
      PageUp: () => move(Math.max(0, at - page)),
      Home: () => move(0),
      End: () => move(count - 1),
    }
    const action = keys[e.key]
    if (action) {
      e.preventDefault()
      action()
    }
  }

  const descriptionId = `${idPrefix}-keys`
  return (
    <>
      <Text id={descriptionId} size="xs" c="dimmed" className="visually-hidden" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {description}
      </Text>
      <Box
        ref={scrollRef}
        role="listbox"
        tabIndex={0}
        aria-label={label}
        aria-describedby={descriptionId}
        aria-activedescendant={activeIndex !== null && activeIndex >= start && activeIndex <= end ? `${idPrefix}-${activeIndex}` : undefined}
        onKeyDown={onKeyDown}
        style={{ height, overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, contain: 'strict' }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
          {items.map((item) => (
            <div
              key={item.key}
              id={`${idPrefix}-${item.index}`}
              role="option"
              aria-selected={item.index === activeIndex}
              aria-posinset={item.index + 1}
              aria-setsize={sizeKnown ? count : -1}
              data-index={item.index}
              onClick={() => onActivate(item.index)}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: item.size,
                transform: `translateY(${item.start}px)`,
                cursor: 'pointer',
                background: item.index === activeIndex ? 'var(--mantine-color-orange-1)' : undefined,
                borderBottom: '1px solid var(--mantine-color-gray-2)',
                padding: '6px 12px',
                overflow: 'hidden',
              }}
            >
              {renderRow(item.index)}
            </div>
          ))}
        </div>
      </Box>
    </>
  )
}
