// Runs before Decap's bundle (/admin/): Decap starts once its bundle has loaded, before
// the site's own scripts after it have registered their widget, words and previews, so
// whether they counted depended on timing. cms-preview.js, the last script, starts it.
window.CMS_MANUAL_INIT = true;
