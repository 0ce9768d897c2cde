import type { z } from 'zod'
import { appContract } from './app'
import { backupContract } from './backup'
import { careContract } from './care'
import { communalMealsContract } from './communal-meals'
import { homeContract } from './home'
import type { Result } from './define'
import { historyContract } from './history'
import { lockContract } from './lock'
import { mealTrainsContract } from './meal-trains'
import { membersContract } from './members'
import { membersCsvContract } from './members-csv'
import { prayerCirclesContract } from './prayer-circles'
import { printContract } from './print'
import { reachContract } from './reach'
import { standingHoursContract } from './standing-hours'

// The one list of channels. main registers a handler for each, preload exposes each, the renderer calls each —
// all three derive their types from this object.
export const contract = {
  ...appContract,
  ...membersContract,
  ...membersCsvContract,
  ...mealTrainsContract,
  ...prayerCirclesContract,
  ...standingHoursContract,
  ...printContract,
  ...reachContract,
  ...backupContract,
  ...homeContract,
  ...historyContract,
  ...careContract,
  ...lockContract,
  ...communalMealsContract,
}

export type Contract = typeof contract
export type Channel = keyof Contract & string
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>
export type OutputOf<C extends Channel> = Contract[C]['__output']

type AreaOf<C extends string> = C extends `${infer A}.${string}` ? A : never
type Call<C extends Channel> = {} extends InputOf<C>
  ? (input?: InputOf<C>) => Promise<Result<OutputOf<C>>>
  : (input: InputOf<C>) => Promise<Result<OutputOf<C>>>

export type HearthApi = {
  [A in AreaOf<Channel>]: { [C in Channel as C extends `${A}.${infer X}` ? X : never]: Call<C> }
}

export const channelNames = Object.keys(contract) as Channel[]

export type { ChangeNotice, ErrorCode, HearthErrorShape, Result, SaidMessage } from './define'
