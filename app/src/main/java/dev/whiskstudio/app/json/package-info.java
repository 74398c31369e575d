/**
 * A JSON document as a tree a person can read: {@link dev.whiskstudio.app.json.JsonTreeView} shows a Jackson
 * {@code JsonNode} with objects and arrays expandable, values coloured by type, long arrays and strings cut short,
 * and copy-value / copy-path commands. The invoke panel and the activations view show results with it. This package
 * also says where the style sheet of these views is ({@link dev.whiskstudio.app.json.ViewsStyleSheet}).
 */
package dev.whiskstudio.app.json;
