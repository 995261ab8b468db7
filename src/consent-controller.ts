import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {ConsentStore} from './store.js';

/** Re-renders its host whenever the store records a decision. */
export class ConsentController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    readonly store: ConsentStore
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.store.addEventListener('change', this.update);
  }

  hostDisconnected(): void {
    this.store.removeEventListener('change', this.update);
  }

  private readonly update = (): void => this.host.requestUpdate();
}
