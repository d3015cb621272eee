/* The web editor's field for one IQ criterion of a fact sheet (widget "iq-kriterium" in
 * plugins/cms/config.py): a tick box „erfüllt“ and, once ticked, an optional reason.
 * It writes what the content model reads (good_practice/validation.py): the reason as
 * text, `true` when met without one, `false` when not met. Decap's own widgets cannot
 * write "true or a text" into one key. */
(function () {
  "use strict";

  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  if (!CMS || !h || !createClass) { return; }

  function isMet(value) {
    return value === true || (typeof value === "string" && value.trim() !== "");
  }

  var Control = createClass({
    reason: function () {
      return typeof this.props.value === "string" ? this.props.value : "";
    },
    tick: function (event) {
      this.props.onChange(event.target.checked ? (this.reason() || true) : false);
    },
    write: function (event) {
      this.props.onChange(event.target.value.trim() ? event.target.value : true);
    },
    render: function () {
      var met = isMet(this.props.value), id = this.props.forID;
      return h("div", { className: this.props.classNameWrapper },
        h("p", null,
          h("input", { type: "checkbox", id: id, checked: met, onChange: this.tick }),
          h("label", { htmlFor: id }, " erfüllt")),
        met ? h("p", null,
          h("label", { htmlFor: id + "-begruendung" }, "Begründung (freiwillig)"),
          h("textarea", { id: id + "-begruendung", rows: 2, value: this.reason(),
                          onChange: this.write, style: { display: "block", width: "100%" } }))
          : null);
    }
  });

  var Preview = createClass({
    render: function () {
      var value = this.props.value;
      if (!isMet(value)) { return h("p", null, "nicht erfüllt"); }
      return h("p", null, value === true ? "erfüllt" : "erfüllt: " + value);
    }
  });

  CMS.registerWidget("iq-kriterium", Control, Preview);
}());
