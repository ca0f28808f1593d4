/** Every public page lives under /invest; the tracking page's address is the one in the emails (APP_URL/track/…). */
export const paths = {
  catalogue: '/invest',
  zone: (id: string) => `/invest/zones/${id}`,
  landEnquiry: (zoneId?: string) => `/invest/land-enquiry${zoneId ? `?zone=${zoneId}` : ''}`,
  loanApplication: '/invest/loan-application',
  events: '/invest/events',
  event: (id: string) => `/invest/events/${id}`,
  resend: '/invest/track',
  tracking: (token: string) => `/track/${token}`,
};
