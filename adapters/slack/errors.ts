// Failures of the Slack side of a delivery: logged with an incident id, never shown raw.
export class DeliveryError extends Error {
  constructor(
    readonly route: string,
    reason: string,
  ) {
    super(`Slack delivery through ${route} failed: ${reason}`);
    this.name = 'DeliveryError';
  }
}

/** A view that needs more blocks than one Slack message holds. */
export class ViewTooLargeError extends Error {
  constructor(readonly blocks: number) {
    super(`The view renders to ${blocks} blocks; a Slack message holds 50.`);
    this.name = 'ViewTooLargeError';
  }
}
