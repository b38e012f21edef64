/** Whether the process should receive traffic; false from the moment shutdown begins. */
export class Readiness {
  private draining = false;

  startDraining() {
    this.draining = true;
  }

  get isDraining() {
    return this.draining;
  }
}
