package org.dudao.collection.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dudao.data.DataItemForm;
import org.dudao.data.DataItemView;
import org.dudao.data.DataItems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/data-items")
@Tag(name = "数据项 Data items")
class DataItemApi {

    private final DataItems items;

    DataItemApi(DataItems items) {
        this.items = items;
    }

    @GetMapping
    @Operation(summary = "The data item catalogue")
    List<DataItemView> list() {
        return items.list();
    }

    @GetMapping("/{code}")
    DataItemView get(@PathVariable String code) {
        return items.get(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define an item (directors and administrators)")
    DataItemView create(@RequestBody DataItemForm form) {
        return items.create(form);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Edit an item; send the version you read (409 when someone changed it meanwhile)")
    DataItemView update(@PathVariable String code, @RequestBody DataItemForm form) {
        return items.update(code, form);
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an unused item (administrators); refused (409) once values or forms use it")
    void delete(@PathVariable String code) {
        items.delete(code);
    }
}
