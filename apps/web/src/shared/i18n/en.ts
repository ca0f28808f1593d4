import type { Translation } from './vi';

export const en: Translation = {
  app: {
    name: 'IRM — Investment Promotion',
    shortName: 'IRM',
    tagline: 'Investor relations management',
    documentTitle: '{{page}} · IRM Investment Promotion',
  },
  shell: {
    skipToContent: 'Skip to main content',
    mainNavigation: 'Main navigation',
    toggleNavigation: 'Open or close the menu',
  },
  nav: {
    overview: 'Overview',
  },
  language: {
    label: 'Language',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  health: {
    label: 'System status',
    ok: 'Online',
    degraded: 'Degraded',
    unreachable: 'Offline',
    checking: 'Checking',
    database: 'Database',
    redis: 'Queue (Redis)',
    up: 'up',
    down: 'not responding',
    serverUnreachable: 'The server cannot be reached',
  },
  home: {
    title: 'Overview',
    description: "Land bank of the province's industrial parks and industrial clusters",
  },
  landBank: {
    type: {
      industrial_park: 'Industrial parks',
      industrial_cluster: 'Industrial clusters',
    },
    abbreviation: {
      industrial_park: 'KCN',
      industrial_cluster: 'CCN',
    },
    zoneCount: {
      industrial_park: 'Parks',
      industrial_cluster: 'Clusters',
    },
    totalArea: 'Total area',
    industrialLand: 'Industrial land',
    usageTitle: 'Industrial land by status',
    occupancy: '{{percent}} occupied',
    occupancyHint: 'Share of industrial land already leased',
    leased: 'Leased',
    reserved: 'Reserved',
    available: 'Available',
    chartLabel: '{{type}}: leased {{leased}}, reserved {{reserved}}, available {{available}}',
    emptyTitle: 'No land-bank data yet',
    emptyDescription: 'Figures appear here once industrial parks and clusters are entered.',
  },
  errors: {
    loadFailed: 'Could not load the data',
    network: 'The server cannot be reached. Check your network connection and try again.',
    unexpected: 'Something unexpected went wrong.',
    retry: 'Try again',
    requestId: 'Request ID: {{id}}',
  },
  notFound: {
    title: 'Page not found',
    description: 'There is no page at {{path}}. It may have moved, or the address may be mistyped.',
    back: 'Go to the overview',
  },
  routeError: {
    title: 'This page ran into a problem',
    description: 'The app failed while showing this page. Reloading usually fixes it.',
    reload: 'Reload the page',
  },
};
