// Starts GOV.UK Frontend's components. A module script, so it runs only in the browsers that
// GOV.UK Frontend supports, and an external file, so the Content-Security-Policy can forbid
// inline script (GOV.UK's template sets these classes with an inline script instead).
import { initAll } from '/assets/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
