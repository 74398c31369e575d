/**
 * Small pieces every view uses: icons from the {@code icons} module as JavaFX nodes, the window's icon images,
 * and the style sheet's location. Colours and spacing are in {@code whisk-studio.css}, not here.
 */
package dev.whiskstudio.app.ui;
