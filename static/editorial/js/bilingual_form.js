/*
 * The page editor's "Engelsk version" notice (templates/editorial/english_completeness_panel.html):
 * - kept up to date while the editor types, adds or deletes blocks;
 * - publishing, approving or submitting a page without English title asks once, and goes on
 *   when the editor says yes (without JavaScript it simply goes through);
 * - the "copy the Danish body" button is moved next to the English body and shown only while
 *   that body is empty.
 * No inline script: the messages come from the notice's data attributes (the admin's CSP).
 */
(() => {
  'use strict';

  function init() {
    const notice = document.querySelector('[data-english-completeness]');
    const form = notice && notice.closest('form');
    if (!form) return;

    // A StreamField's top-level blocks that are not marked deleted.
    function blockCount(name) {
      const pattern = new RegExp(`^${name}-\\d+-deleted$`);
      return Array.from(form.querySelectorAll(`input[name^="${name}-"]`)).filter(
        (input) => pattern.test(input.name) && input.value !== '1',
      ).length;
    }

    // true/false, or null when the form has no such field (keep what the server said).
    function isEmpty(name) {
      if (form.querySelector(`input[name="${name}-count"]`)) return blockCount(name) === 0;
      const field = form.elements.namedItem(name);
      if (!field) return null;
      return !String(field.value || '').trim();
    }

    const copyButton = notice.querySelector('[data-copy-danish-body]');
    if (copyButton) {
      // Next to the English body, where the editor looks for it.
      const count = form.querySelector('input[name="body_en-count"]');
      const section = count && count.closest('section');
      const content = section && section.querySelector('.w-panel__content');
      if (content) content.prepend(copyButton);
    }

    function update() {
      let missing = 0;
      notice.querySelectorAll('[data-english-field]').forEach((item) => {
        const empty = isEmpty(item.dataset.englishField);
        if (empty !== null) item.hidden = !empty;
        if (!item.hidden) missing += 1;
      });
      notice.querySelector('[data-english-missing]').hidden = missing === 0;
      notice.querySelector('[data-english-complete]').hidden = missing > 0;
      notice.querySelector('[data-english-title-missing]').hidden = isEmpty('title_en') === false;
      notice.classList.toggle('help-warning', missing > 0);
      notice.classList.toggle('help-info', missing === 0);
      if (copyButton) {
        copyButton.hidden = isEmpty('body_en') === false || isEmpty('body_da') === true;
      }
    }

    let scheduled = false;
    function scheduleUpdate() {
      if (scheduled) return;
      scheduled = true;
      window.requestAnimationFrame(() => {
        scheduled = false;
        update();
      });
    }
    form.addEventListener('input', scheduleUpdate);
    form.addEventListener('change', scheduleUpdate);
    // Blocks added, deleted or restored: the StreamField changes the DOM, not an input event.
    new MutationObserver(scheduleUpdate).observe(form, { childList: true, subtree: true });
    update();

    function question(button) {
      if (button.name === 'action-publish') return notice.dataset.confirmPublish;
      if (button.name === 'action-submit') return notice.dataset.confirmSubmit;
      if (button.dataset.workflowActionName === 'approve') return notice.dataset.confirmPublish;
      return null;
    }

    // Capture phase on the document: before Wagtail's own handlers on the button (its
    // progress spinner, the workflow dialogs), so that "no" leaves the form as it was.
    document.addEventListener(
      'click',
      (event) => {
        const button = event.target.closest('button');
        if (!button || !form.contains(button)) return;
        const message = question(button);
        if (!message || isEmpty('title_en') === false) return;
        if (!window.confirm(message)) {
          event.preventDefault();
          event.stopPropagation();
        }
      },
      true,
    );
  }

  // After Wagtail's controllers have rendered the StreamField blocks.
  if (document.readyState === 'complete') init();
  else window.addEventListener('load', init);
})();
