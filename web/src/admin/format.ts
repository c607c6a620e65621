// Small display helpers shared by the admin tables and detail pages.

/**
 * The last characters of an opaque id, enough to tell rows apart (the ids are time-ordered, so their
 * beginnings repeat); the full id goes in a title.
 */
export function shortId(id: string): string {
  return id.length > 8 ? id.slice(-8) : id;
}

/** Tone of a payment status badge (the text always says the status too). */
export function paymentTone(status: string): 'neutral' | 'good' | 'warn' | 'bad' | 'info' {
  switch (status) {
    case 'DONE':
      return 'good';
    case 'READY':
    case 'IN_PROGRESS':
    case 'WAITING_FOR_DEPOSIT':
      return 'warn';
    case 'PARTIAL_CANCELED':
      return 'info';
    case 'CANCELED':
    case 'ABORTED':
    case 'EXPIRED':
      return 'bad';
    default:
      return 'neutral';
  }
}

/** A label from a message map, or the raw value when the map does not know it (a status added later). */
export function labelOf(labels: object, value: string): string {
  return (labels as Record<string, string>)[value] ?? value;
}
