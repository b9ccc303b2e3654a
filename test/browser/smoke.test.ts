import { expect } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('x-probe')
class Probe extends LitElement {
  @property() accessor name = 'a';
  override render() { return html`<p>${this.name}</p>`; }
}

it('runs lit with standard decorators', async () => {
  const el = document.createElement('x-probe') as Probe;
  document.body.append(el);
  el.name = 'b';
  await el.updateComplete;
  expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('b');
});
