package dev.whiskstudio.app.editor.find;

import dev.whiskstudio.app.editor.CodeEditor;
import dev.whiskstudio.app.editor.EditorArea;
import dev.whiskstudio.app.editor.EditorFeature;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.IndexRange;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.richtext.MultiChangeBuilder;
import org.reactfx.Subscription;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The find/replace bar above the text. Ctrl+F opens it for finding, Ctrl+H or Ctrl+R for replacing, Esc closes it;
 * Enter and Shift+Enter (or F3 and Shift+F3 anywhere in the editor) go to the next and previous match. The search
 * runs on a background thread against a copy of the text and is redone when the text changes; the count reads
 * "3 of 12". Replace all is one edit, undone in one step. A bad regular expression or replacement is a message in
 * the bar.
 */
public final class FindReplaceBar extends VBox implements EditorFeature {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REPLACE_H = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REPLACE_R = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.F3);
    private static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.F3, KeyCombination.SHIFT_DOWN);

    private final TextField findField = new TextField();
    private final TextField replaceField = new TextField();
    private final ToggleButton matchCase = toggle("find-match-case", "Aa", "Match case");
    private final ToggleButton regex = toggle("find-regex", ".*", "Regular expression");
    private final ToggleButton wholeWord = toggle("find-whole-word", "W", "Whole word");
    private final Label count = new Label();
    private final HBox replaceRow;
    private final PauseTransition textSettles = new PauseTransition(Duration.millis(150));
    private final EventHandler<KeyEvent> shortcuts = this::shortcut;
    private final ThreadPoolExecutor searcher = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), task -> {
                Thread thread = new Thread(task, "editor-search");
                thread.setDaemon(true);
                return thread;
            });

    private CodeEditor editor;
    private EditorArea area;
    private Subscription changes;
    private SearchResult result = SearchResult.NONE;
    private String message;
    private Future<?> running;
    /** A search was started whose result has not arrived. */
    private boolean searching;
    /** Counts searches: a result of an older one is dropped. */
    private long generation;
    /** Where to move once the running search is done: +1 next, -1 previous, 0 stay. */
    private int pendingMove;
    private boolean revealOnResult;

    public FindReplaceBar() {
        setId("find-bar");
        getStyleClass().add("find-bar");
        findField.setId("find-field");
        findField.setPromptText("Find");
        replaceField.setId("replace-field");
        replaceField.setPromptText("Replace");
        count.setId("find-count");
        count.getStyleClass().add("find-count");
        HBox.setHgrow(findField, Priority.ALWAYS);
        HBox.setHgrow(replaceField, Priority.ALWAYS);

        Button previous = button("find-previous", "Previous", "Previous match (Shift+Enter, Shift+F3)", this::previous);
        Button next = button("find-next", "Next", "Next match (Enter, F3)", this::next);
        Button close = button("find-close", "\u00d7", "Close (Esc)", this::close);
        close.getStyleClass().add("find-close");
        HBox findRow = new HBox(findField, matchCase, regex, wholeWord, count, previous, next, close);
        Button replaceOne = button("replace-one", "Replace", "Replace this match and go to the next", this::replace);
        Button replaceAll = button("replace-all", "Replace all", "Replace every match (one undo step)", this::replaceAll);
        replaceRow = new HBox(replaceField, replaceOne, replaceAll);
        for (HBox row : List.of(findRow, replaceRow)) {
            row.getStyleClass().add("find-row");
            row.setAlignment(Pos.CENTER_LEFT);
        }
        getChildren().addAll(findRow, replaceRow);

        findField.textProperty().addListener((obs, old, now) -> search(true));
        for (ToggleButton option : List.of(matchCase, regex, wholeWord)) {
            option.selectedProperty().addListener((obs, old, now) -> search(true));
        }
        findField.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    previous();
                } else {
                    next();
                }
                e.consume();
            }
        });
        replaceField.setOnAction(e -> replace());
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        textSettles.setOnFinished(e -> search(false));
    }

    @Override
    public void install(CodeEditor editor) {
        this.editor = editor;
        this.area = editor.area();
        editor.addEventFilter(KeyEvent.KEY_PRESSED, shortcuts);
        changes = area.multiPlainChanges().subscribe(list -> {
            if (!list.isEmpty() && isOpen()) {
                generation++;
                textSettles.playFromStart();
            }
        });
    }

    @Override
    public void uninstall(CodeEditor editor) {
        editor.removeEventFilter(KeyEvent.KEY_PRESSED, shortcuts);
        changes.unsubscribe();
        textSettles.stop();
        searcher.shutdownNow();
        editor.removeBar(this);
    }

    // ---- commands ----

    public void showFind() {
        open(false);
    }

    public void showReplace() {
        open(true);
    }

    public boolean isOpen() {
        return editor != null && editor.bars().contains(this);
    }

    public void close() {
        if (!isOpen()) {
            return;
        }
        editor.removeBar(this);
        textSettles.stop();
        if (running != null) {
            running.cancel(true);
        }
        searching = false;
        pendingMove = 0;
        area.requestFocus();
    }

    /** Selects the next match after the selection (wrapping around); opens the bar if it is closed. */
    public void next() {
        move(1);
    }

    public void previous() {
        move(-1);
    }

    /** Replaces the selected match and goes to the next one; without a selected match, just goes to the next. */
    public void replace() {
        if (!isSearchCurrent()) {
            move(1);
            return;
        }
        IndexRange selection = area.getSelection();
        if (result.indexOf(selection.getStart(), selection.getEnd()) < 0) {
            move(1);
            return;
        }
        List<Replacement> planned;
        try {
            planned = TextSearch.planReplaceAt(area.getText(), query(), replaceField.getText(), selection.getStart());
        } catch (IllegalArgumentException e) {
            showMessage(e.getMessage());
            return;
        }
        if (planned.isEmpty()) {
            move(1);
            return;
        }
        Replacement r = planned.get(0);
        area.replaceText(r.start(), r.end(), r.text());
        area.moveTo(r.start() + r.text().length());
        pendingMove = 1;
        search(false);
    }

    /** Replaces every match as one undoable edit; answers how many were replaced. */
    public int replaceAll() {
        if (query().isEmpty()) {
            return 0;
        }
        List<Replacement> planned;
        try {
            planned = TextSearch.planReplaceAll(area.getText(), query(), replaceField.getText());
        } catch (IllegalArgumentException e) {
            showMessage(e.getMessage());
            return 0;
        }
        if (planned.isEmpty()) {
            showMessage("No results");
            return 0;
        }
        MultiChangeBuilder<Collection<String>, String, Collection<String>> change = area.createMultiChange(planned.size());
        int shift = 0;
        for (Replacement r : planned) {
            // absolute positions: each one in the text as the replacements before it left it
            change.replaceTextAbsolutely(r.start() + shift, r.end() + shift, r.text());
            shift += r.text().length() - (r.end() - r.start());
        }
        change.commit();
        search(false);
        message = "Replaced " + planned.size() + (planned.size() == 1 ? " match" : " matches");
        showCount();
        return planned.size();
    }

    // ---- what tests and the window read ----

    public TextField findField() {
        return findField;
    }

    public TextField replaceField() {
        return replaceField;
    }

    /** The count or message shown: "3 of 12", "12 matches", "No results", or why the search failed. */
    public String countText() {
        return count.getText();
    }

    /** Whether the count shown is for the text and query as they are now. */
    public boolean isSearchCurrent() {
        return !searching && textSettles.getStatus() != Animation.Status.RUNNING;
    }

    public SearchResult result() {
        return result;
    }

    public void setQuery(SearchQuery query) {
        matchCase.setSelected(query.matchCase());
        regex.setSelected(query.regex());
        wholeWord.setSelected(query.wholeWord());
        findField.setText(query.text());
    }

    public SearchQuery query() {
        return new SearchQuery(findField.getText(), matchCase.isSelected(), regex.isSelected(), wholeWord.isSelected());
    }

    // ---- inner workings ----

    private void open(boolean replacing) {
        replaceRow.setVisible(replacing);
        replaceRow.setManaged(replacing);
        boolean wasOpen = isOpen();
        editor.showBar(this);
        String selected = area.getSelectedText();
        if (!selected.isEmpty() && selected.indexOf('\n') < 0 && !selected.equals(findField.getText())) {
            findField.setText(selected);
        } else if (!wasOpen) {
            search(false);
        }
        TextField focus = replacing && !findField.getText().isEmpty() ? replaceField : findField;
        focus.requestFocus();
        focus.selectAll();
    }

    private void move(int direction) {
        if (!isOpen()) {
            open(false);
        }
        if (!isSearchCurrent()) {
            pendingMove = direction;
            if (textSettles.getStatus() == Animation.Status.RUNNING) {
                textSettles.stop();
                search(false);
            }
            return;
        }
        select(direction > 0 ? result.firstAtOrAfter(area.getSelection().getEnd())
                : result.lastBefore(area.getSelection().getStart()));
    }

    private void select(int index) {
        if (index < 0) {
            showCount();
            return;
        }
        area.selectRange(result.starts()[index], result.ends()[index]);
        area.requestFollowCaret();
        showCount();
    }

    private void search(boolean reveal) {
        textSettles.stop();
        message = null;
        long mine = ++generation;
        if (running != null) {
            running.cancel(true);
        }
        SearchQuery query = query();
        revealOnResult = reveal;
        if (query.isEmpty()) {
            result = SearchResult.NONE;
            running = null;
            searching = false;
            showCount();
            return;
        }
        String text = area.getText();
        searching = true;
        running = searcher.submit(() -> {
            SearchResult found;
            try {
                found = TextSearch.find(text, query);
            } catch (TextSearch.SearchCancelled cancelled) {
                return;
            }
            Platform.runLater(() -> searched(mine, found));
        });
    }

    private void searched(long searchGeneration, SearchResult found) {
        if (searchGeneration != generation) {
            return;
        }
        result = found;
        running = null;
        searching = false;
        int move = pendingMove;
        pendingMove = 0;
        if (move != 0) {
            move(move);
        } else if (revealOnResult && found.count() > 0) {
            // find as you type: the first match from where the selection starts
            select(result.firstAtOrAfter(area.getSelection().getStart()));
        } else {
            showCount();
        }
        revealOnResult = false;
    }

    private void showMessage(String text) {
        message = text;
        showCount();
    }

    private void showCount() {
        count.getStyleClass().remove("problem");
        if (result.hasProblem() || (message != null && message.startsWith("Invalid"))) {
            count.setText(result.hasProblem() ? result.problem() : message);
            count.getStyleClass().add("problem");
            return;
        }
        if (message != null) {
            count.setText(message);
            return;
        }
        if (findField.getText().isEmpty()) {
            count.setText("");
            return;
        }
        int total = result.count();
        if (total == 0) {
            count.setText("No results");
            return;
        }
        String more = result.truncated() ? "+" : "";
        IndexRange selection = area.getSelection();
        int index = result.indexOf(selection.getStart(), selection.getEnd());
        count.setText(index >= 0 ? (index + 1) + " of " + total + more : total + more + (total == 1 ? " match" : " matches"));
    }

    private void shortcut(KeyEvent event) {
        if (FIND.match(event)) {
            showFind();
        } else if (REPLACE_H.match(event) || REPLACE_R.match(event)) {
            showReplace();
        } else if (NEXT.match(event)) {
            next();
        } else if (PREVIOUS.match(event)) {
            previous();
        } else {
            return;
        }
        event.consume();
    }

    private static ToggleButton toggle(String id, String text, String tip) {
        ToggleButton toggle = new ToggleButton(text);
        toggle.setId(id);
        toggle.getStyleClass().add("find-option");
        toggle.setTooltip(new Tooltip(tip));
        toggle.setFocusTraversable(false);
        return toggle;
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }
}
