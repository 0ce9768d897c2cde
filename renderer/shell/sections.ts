import type { ComponentType } from 'react'
import type { MessageId } from '../i18n/en'
import { BackupScreen } from '../backup/BackupScreen'
import { HistoryScreen } from '../history/HistoryScreen'
import { MealTrainsScreen } from '../meal-trains/MealTrainsScreen'
import { MembersScreen } from '../members/MembersScreen'
import { PrayerCirclesScreen } from '../prayer-circles/PrayerCirclesScreen'
import { PrintScreen } from '../print/PrintScreen'
import { SettingsScreen } from '../settings/SettingsScreen'

export interface SectionDef {
  id: string
  label: MessageId
  Screen: ComponentType
}

/** The navigation, in order; Ctrl+1 … Ctrl+7 open them. */
export const sections: readonly SectionDef[] = [
  { id: 'members', label: 'nav.members', Screen: MembersScreen },
  { id: 'meal-trains', label: 'nav.mealTrains', Screen: MealTrainsScreen },
  { id: 'prayer-circles', label: 'nav.prayerCircles', Screen: PrayerCirclesScreen },
  { id: 'print', label: 'nav.print', Screen: PrintScreen },
  { id: 'backup', label: 'nav.backup', Screen: BackupScreen },
  { id: 'settings', label: 'nav.settings', Screen: SettingsScreen },
  { id: 'history', label: 'nav.history', Screen: HistoryScreen },
]
