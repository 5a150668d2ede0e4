package dev.polyshop.android.screens;

import java.util.List;

import android.content.Context;
import android.view.LayoutInflater;
import android.view.View;
import android.view.ViewGroup;
import android.widget.ArrayAdapter;

/** A list's rows from one layout, each filled in from its item. */
final class RowAdapter<T> extends ArrayAdapter<T> {

    interface Binder<T> {
        void bind(View row, T item);
    }

    private final int layout;
    private final Binder<T> binder;

    RowAdapter(Context context, int layout, Binder<T> binder) {
        super(context, layout);
        this.layout = layout;
        this.binder = binder;
    }

    void show(List<T> items) {
        setNotifyOnChange(false);
        clear();
        addAll(items);
        notifyDataSetChanged();
    }

    @Override
    public View getView(int position, View recycled, ViewGroup parent) {
        View row = recycled != null ? recycled : LayoutInflater.from(getContext()).inflate(layout, parent, false);
        binder.bind(row, getItem(position));
        return row;
    }
}
