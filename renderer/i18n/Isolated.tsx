import type { ReactNode } from 'react'

/**
 * A phone number inside a line of either direction: always left to right (it has no letters, so in an Arabic line
 * its groups would otherwise be drawn in reverse order, "900106 07700"), and never broken across two lines.
 * A <bdi> rather than isolate characters, so the text on the page stays exactly the number.
 */
export function PhoneText({ children }: { children: ReactNode }) {
  return (
    <bdi dir="ltr" style={{ whiteSpace: 'nowrap' }}>
      {children}
    </bdi>
  )
}

/**
 * A date or time kept on one line: "13 déc. 2026" broken after the day reads as two things. Between two of them
 * the line may still break.
 */
export function Whole({ children }: { children: ReactNode }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{children}</span>
}
