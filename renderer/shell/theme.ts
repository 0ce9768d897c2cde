import { createTheme } from '@mantine/core'
import type { Settings } from '../../main/contract/app'

export const theme = createTheme({
  primaryColor: 'orange',
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
  focusRing: 'always',
})

// Mantine sizes everything in rem, so scaling the root font scales the whole interface evenly.
export const ROOT_FONT_SIZE: Record<Settings['textSize'], string> = {
  normal: '100%',
  large: '118.75%',
  larger: '137.5%',
}
