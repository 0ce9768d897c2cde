import { createTheme, DEFAULT_THEME, type MantineColorsTuple } from '@mantine/core'
import type { Settings } from '../../main/contract/app'

/**
 * Mantine's palettes with the darker end deepened, so every text and control meets WCAG 2.1 AA: white on a filled
 * button (shade 8) is at least 6:1, text in a light badge or alert (shade 9 on its tint) at least 5:1, and the
 * grey of help text (gray 6, Mantine's "dimmed") 6:1 on the page. The light end is Mantine's own.
 */
function deepen(name: 'orange' | 'red' | 'green' | 'yellow' | 'blue' | 'grape' | 'gray', dark: Partial<Record<6 | 7 | 8 | 9, string>>): MantineColorsTuple {
  const shades = [...DEFAULT_THEME.colors[name]!]
  for (const [shade, hex] of Object.entries(dark)) shades[Number(shade)] = hex
  return shades as unknown as MantineColorsTuple
}

export const theme = createTheme({
  primaryColor: 'orange',
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
  focusRing: 'always',
  colors: {
    orange: deepen('orange', { 6: '#c2500f', 7: '#b8440f', 8: '#a63c0c', 9: '#8a3209' }),
    red: deepen('red', { 6: '#c92a2a', 7: '#bd2828', 8: '#b02525', 9: '#962020' }),
    green: deepen('green', { 6: '#2b7a3b', 7: '#277536', 8: '#237032', 9: '#1d5e2a' }),
    yellow: deepen('yellow', { 6: '#a15e00', 7: '#995900', 8: '#8f5300', 9: '#7a4700' }),
    blue: deepen('blue', { 6: '#1c6fc0', 7: '#1969b8', 8: '#1864ab', 9: '#14548f' }),
    grape: deepen('grape', { 6: '#9c36b5', 7: '#8f31a6', 8: '#862e9c', 9: '#732785' }),
    gray: deepen('gray', { 6: '#5c636a' }),
  },
})

// Mantine sizes everything in rem, so scaling the root font scales the whole interface evenly.
export const ROOT_FONT_SIZE: Record<Settings['textSize'], string> = {
  normal: '100%',
  large: '118.75%',
  larger: '137.5%',
}
