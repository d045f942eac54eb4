/** Who sent an event: a signed-in user, or the engine itself (kept with every event, `case_events.actor`). */
export interface Actor {
  userId: string;
  username?: string;
  role: string;
  organizationId: string | null;
}

/** The engine itself, as the sender of `deadline.expired` and `mediation.concluded`. */
export const ENGINE_ACTOR: Actor = { userId: 'engine', role: 'engine', organizationId: null };
