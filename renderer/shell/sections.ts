import type { ComponentType } from 'react'
import type { MessageId } from '../../main/contract/i18n/en'
import { BackupScreen } from '../backup/BackupScreen'
import { CommunalMealsScreen } from '../communal-meals/CommunalMealsScreen'
import { HomeScreen } from '../home/HomeScreen'
import { HistoryScreen } from '../history/HistoryScreen'
import { MealTrainsScreen } from '../meal-trains/MealTrainsScreen'
import { MembersScreen } from '../members/MembersScreen'
import { PrayerCirclesScreen } from '../prayer-circles/PrayerCirclesScreen'
import { PrintScreen } from '../print/PrintScreen'
import { CallListScreen } from '../reach/CallListScreen'
import { SettingsScreen } from '../settings/SettingsScreen'

export interface SectionDef {
  id: string
  label: MessageId
  Screen: ComponentType
  /** The key after Ctrl that opens it. */
  key: string
}

/** The home, where Hearth opens: what needs doing this week. Ctrl+H goes back to it. */
export const home: SectionDef = { id: 'home', label: 'nav.home', Screen: HomeScreen, key: 'H' }

/** The navigation after the home, in order; Ctrl+1 … Ctrl+6 open them. */
export const sections: readonly SectionDef[] = [
  { id: 'members', label: 'nav.members', Screen: MembersScreen, key: '1' },
  { id: 'meal-trains', label: 'nav.mealTrains', Screen: MealTrainsScreen, key: '2' },
  { id: 'prayer-circles', label: 'nav.prayerCircles', Screen: PrayerCirclesScreen, key: '3' },
  { id: 'print', label: 'nav.print', Screen: PrintScreen, key: '4' },
  { id: 'backup', label: 'nav.backup', Screen: BackupScreen, key: '5' },
  { id: 'settings', label: 'nav.settings', Screen: SettingsScreen, key: '6' },
  // Last, so the Ctrl+number of every section before it stays as it was.
  { id: 'call-list', label: 'nav.callList', Screen: CallListScreen, key: '7' },
  { id: 'history', label: 'nav.history', Screen: HistoryScreen, key: '8' },
  { id: 'communal-meals', label: 'nav.communalMeals', Screen: CommunalMealsScreen, key: '9' },
]

export const allSections: readonly SectionDef[] = [home, ...sections]
