/** Every query key of the app, so invalidation targets stay discoverable in one place. */
export const queryKeys = {
  health: () => ['health'] as const,
  zones: {
    all: () => ['zones'] as const,
    summary: () => [...queryKeys.zones.all(), 'summary'] as const,
  },
};
